// A POST whose body is never sent in full: the headers and a first chunk go out, and the status is
// read as soon as the server answers. For the limits a server must enforce from the headers alone
// (sending a real oversized body races the early answer: the client may still be writing when the
// socket closes).
import { request as httpRequest } from 'node:http'

/** The status the server answers to a POST of `headers` and the first chunk of a body. */
export function statusBeforeBody(
  url: string,
  headers: Record<string, string>,
  firstChunk: string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const call = httpRequest(url, { method: 'POST', headers }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
      call.destroy()
    })
    call.on('error', reject)
    call.write(firstChunk)
  })
}
