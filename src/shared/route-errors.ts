import { notFound } from '@tanstack/react-router'
import { statusOf } from './public-error'

/** Turns a 404 from a server function into the router's not-found page; other errors stay errors. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (statusOf(error) === 404) throw notFound()
    throw error
  }
}
