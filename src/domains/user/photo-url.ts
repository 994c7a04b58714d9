/**
 * The URL a user's photo (or default avatar) is served at (src/routes/api/users/$userId/photo.ts).
 * The server ignores `v`; it only makes a new photo a new URL for the browser's cache.
 */
export function userPhotoUrl(userId: number, version?: string): string {
  const path = `/api/users/${userId}/photo`
  return version ? `${path}?v=${encodeURIComponent(version)}` : path
}
