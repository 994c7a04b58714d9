export { Avatar, type AvatarProps, type AvatarSize } from './Avatar'
export { Badge, type BadgeProps, type BadgeTone } from './Badge'
export {
  Button,
  ButtonLink,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  buttonClasses,
} from './Button'
export { Card, type CardProps } from './Card'
export { Checkbox, type CheckboxProps } from './Checkbox'
export { CloseButton } from './CloseButton'
export { Combobox, type ComboboxOption, type ComboboxProps } from './Combobox'
export { type ClassValue, cx } from './cx'
export { Dialog, type DialogProps } from './Dialog'
export { EmptyState, type EmptyStateProps } from './EmptyState'
export { ErrorState, type ErrorStateProps } from './ErrorState'
export { controlClasses, Field, type FieldProps, useFieldIds } from './Field'
export { Heading, type HeadingLevel } from './Heading'
export { LanguageSwitcher, type LanguageSwitcherProps } from './LanguageSwitcher'
export { LoadingState, type LoadingStateProps } from './LoadingState'
export { AppShell, type AppShellProps, type NavItem } from './layout/AppShell'
export { PageHeader, type PageHeaderProps } from './PageHeader'
export { Select, type SelectOption, type SelectProps } from './Select'
export { Sheet, type SheetProps } from './Sheet'
export { Spinner, type SpinnerProps } from './Spinner'
export { Table, type TableProps, TBody, Td, THead, Th, Tr } from './Table'
export { TextArea, type TextAreaProps } from './TextArea'
export { TextField, type TextFieldProps } from './TextField'
export { type ToastApi, type ToastKind, type ToastOptions, ToastProvider, useToast } from './Toast'
export { type CellSave, CellSaveAction, CellSaveAnnouncer, CellSaveMark, useCellSaves } from './useCellSaves'
export { useNativeModal } from './useNativeModal'
