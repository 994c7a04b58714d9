import { type ChangeEvent, useEffect, useRef, useState } from 'react'
import { useT } from '~/i18n'
import { PublicError } from '~/shared/public-error'
import { Avatar, Button, Card, Dialog, type HeadingLevel, Spinner, useToast } from '~/ui'
import { removePhoto, uploadPhoto } from '../photo.functions'
import {
  isPhotoErrorCode,
  PHOTO_TYPES,
  type PhotoErrorCode,
  PhotoFile,
  type PhotoInfo,
  photoUploadForm,
} from '../photo.schema'
import { userPhotoUrl } from '../photo-url'
import { cropToBlob } from './crop-canvas'
import { type Crop, type ImageSize, initialCrop } from './crop-geometry'
import { PhotoCropper } from './PhotoCropper'

export type PhotoUploadProps = {
  userId: number
  hasPhoto: boolean
  /** Called with the new state after a successful upload or removal. */
  onChange?: (photo: PhotoInfo) => void
  headingLevel?: HeadingLevel
}

interface PickedImage {
  /** An object URL; revoked when replaced or unmounted. */
  src: string
  image: HTMLImageElement
  size: ImageSize
}

type Phase = 'idle' | 'preparing' | 'uploading' | 'removing'

async function loadImage(file: File): Promise<PickedImage> {
  const src = URL.createObjectURL(file)
  const image = new Image()
  image.src = src
  try {
    await image.decode()
  } catch (error) {
    URL.revokeObjectURL(src)
    throw error
  }
  return { src, image, size: { width: image.naturalWidth, height: image.naturalHeight } }
}

/** The first photo error code a failed call carries, if the server named one. */
function photoErrorOf(error: unknown): PhotoErrorCode | undefined {
  if (!(error instanceof PublicError)) return undefined
  return error.fields?.photo?.find(isPhotoErrorCode)
}

/**
 * The profile photo section: the current photo (or default avatar), choosing a file, cropping it in
 * the browser and uploading the square; removing it. Mount it on the profile edit page.
 */
export function PhotoUpload({ userId, hasPhoto, onChange, headingLevel = 2 }: PhotoUploadProps) {
  const t = useT()
  const toast = useToast()
  const [photo, setPhoto] = useState<{ hasPhoto: boolean; version?: string }>({ hasPhoto })
  const [picked, setPicked] = useState<PickedImage | null>(null)
  const [crop, setCrop] = useState<Crop>({ zoom: 1, cx: 0, cy: 0 })
  const [phase, setPhase] = useState<Phase>('idle')
  const [fileError, setFileError] = useState<PhotoErrorCode | null>(null)
  const [confirmingRemove, setConfirmingRemove] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!picked) return
    return () => URL.revokeObjectURL(picked.src)
  }, [picked])

  const changed = (next: PhotoInfo, message: string) => {
    setPhoto(next)
    onChange?.(next)
    toast.success(message)
  }

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = '' // choosing the same file again must fire again
    if (!file) return
    // The same rules the server applies first (size, declared type), for an answer without a round trip.
    const checked = PhotoFile.safeParse(file)
    const code = checked.error?.issues.map((issue) => issue.message).find(isPhotoErrorCode)
    if (code || !checked.success) {
      setFileError(code ?? 'type')
      return
    }
    setFileError(null)
    setPhase('preparing')
    try {
      const loaded = await loadImage(file)
      setPicked(loaded)
      setCrop(initialCrop(loaded.size))
    } catch {
      setFileError('unreadable')
    } finally {
      setPhase('idle')
    }
  }

  const save = async () => {
    if (!picked) return
    setPhase('uploading')
    try {
      const { blob, fileName } = await cropToBlob(picked.image, picked.size, crop)
      const result = await uploadPhoto({ data: photoUploadForm(userId, blob, fileName) })
      setPicked(null)
      changed(result, t('photo.saved'))
    } catch (error) {
      const code = photoErrorOf(error)
      toast.error(code ? t(`photo.errors.${code}`) : t('photo.errors.uploadFailed'))
    } finally {
      setPhase('idle')
    }
  }

  const remove = async () => {
    setPhase('removing')
    try {
      changed(await removePhoto({ data: { userId } }), t('photo.removed'))
      setConfirmingRemove(false)
    } catch {
      toast.error(t('photo.errors.removeFailed'))
    } finally {
      setPhase('idle')
    }
  }

  const busy = phase !== 'idle'
  const chooseFile = () => fileInput.current?.click()

  return (
    <Card title={t('photo.title')} headingLevel={headingLevel}>
      <input
        ref={fileInput}
        type="file"
        accept={PHOTO_TYPES.join(',')}
        className="hidden"
        data-testid="photo-file-input"
        onChange={onFileChosen}
      />
      {picked ? (
        <div className="flex flex-col gap-4">
          <p className="font-medium text-gray-900">{t('photo.cropper.title')}</p>
          <PhotoCropper src={picked.src} size={picked.size} crop={crop} onCropChange={setCrop} />
          <div className="flex flex-wrap justify-center gap-2">
            <Button onClick={save} loading={phase === 'uploading'}>
              {t('photo.save')}
            </Button>
            <Button variant="secondary" onClick={chooseFile} disabled={busy}>
              {t('photo.chooseAnother')}
            </Button>
            <Button variant="ghost" onClick={() => setPicked(null)} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-start">
          <Avatar src={userPhotoUrl(userId, photo.version)} alt={t('photo.currentAlt')} size="xl" />
          <div className="flex flex-col gap-3">
            <p className="text-sm text-gray-600">{t('photo.hint')}</p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={chooseFile} loading={phase === 'preparing'}>
                {t('photo.choose')}
              </Button>
              {photo.hasPhoto && (
                <Button variant="secondary" onClick={() => setConfirmingRemove(true)} disabled={busy}>
                  {t('photo.remove')}
                </Button>
              )}
            </div>
            {fileError && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {t(`photo.errors.${fileError}`)}
              </p>
            )}
          </div>
        </div>
      )}
      {/* Always rendered: a live region only announces changes once it exists. */}
      <div role="status" className="flex justify-center text-sm text-gray-700">
        {(phase === 'preparing' || phase === 'uploading') && (
          <span className="mt-3 inline-flex items-center gap-2">
            <Spinner size="sm" />
            {t(phase === 'preparing' ? 'photo.preparing' : 'photo.uploading')}
          </span>
        )}
      </div>
      <Dialog
        open={confirmingRemove}
        onClose={() => setConfirmingRemove(false)}
        title={t('photo.removeTitle')}
        description={t('photo.removeText')}
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmingRemove(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" onClick={remove} loading={phase === 'removing'}>
              {t('photo.remove')}
            </Button>
          </>
        }
      />
    </Card>
  )
}
