import { Button, type ButtonSize } from '~/ui'

/** The end of a reviewer's form: the server's refusal in words (an alert), then the submit button. */
export function ReviewSubmit({
  refusal,
  pending,
  label,
  size,
}: {
  refusal: string | null
  pending: boolean
  label: string
  size?: ButtonSize
}) {
  return (
    <>
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {refusal}
        </p>
      )}
      <div>
        <Button type="submit" size={size} loading={pending}>
          {label}
        </Button>
      </div>
    </>
  )
}
