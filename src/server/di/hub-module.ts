// The hub's DI module: binds the platform tokens for this instance's realm and registers every
// service. A worker instance will have its own module binding the same tokens differently.
import 'reflect-metadata'
import { type DependencyContainer, Lifecycle } from 'tsyringe'
import type { constructor as Constructor } from 'tsyringe/dist/typings/types'
import type { AppConfig } from '#config'
import { EntryReviewService } from '~/domains/evaluation/entry-review.service'
import { EvaluationService } from '~/domains/evaluation/evaluation.service'
import { EvaluationListService } from '~/domains/evaluation/evaluation-list.service'
import { PrismaAcceptedPointsSource } from '~/domains/evaluation/evaluation-points'
import { EvaluationStatusService } from '~/domains/evaluation/evaluation-status.service'
import { ExportService } from '~/domains/evaluation/exports.service'
import { EvaluationHistoryService } from '~/domains/evaluation/history.service'
import { DirectoryCache } from '~/domains/group/directory-cache'
import { GroupService } from '~/domains/group/group.service'
import { GroupManagementService } from '~/domains/group/group-management.service'
import { MemberPostService } from '~/domains/membership/member-post.service'
import { MembershipService } from '~/domains/membership/membership.service'
import { MembershipLifecycleService } from '~/domains/membership/membership-lifecycle.service'
import { MembershipPointsService } from '~/domains/membership/membership-points.service'
import { PostTypeService } from '~/domains/membership/post-type.service'
import { NotificationService } from '~/domains/notification/notification.service'
import { PolicyAccessService } from '~/domains/policy/policy-access.service'
import { PolicyAdminService } from '~/domains/policy/policy-admin.service'
import { PolicyEngineResolver } from '~/domains/policy/policy-engine.resolver'
import { PolicyModelService } from '~/domains/policy/policy-model.service'
import { PolicyVersionService } from '~/domains/policy/policy-version.service'
import { SearchService } from '~/domains/search/search.service'
import { ACCEPTED_POINTS_SOURCE } from '~/domains/semester/accepted-points'
import { CommunityPointsService } from '~/domains/semester/community-points.service'
import { SemesterService } from '~/domains/semester/semester.service'
import { SemesterSettingsService } from '~/domains/semester/semester-settings.service'
import { SEMESTER_SWITCH_HOOKS } from '~/domains/semester/switch-hooks'
import { AccountAccessService } from '~/domains/session/account-access.service'
import { SessionService } from '~/domains/session/session.service'
import { CurrentUserService } from '~/domains/user/current-user.service'
import { ExternalAccountService } from '~/domains/user/external-account.service'
import { PhotoService } from '~/domains/user/photo.service'
import { ProfileService } from '~/domains/user/profile.service'
import { RegistrationService } from '~/domains/user/registration.service'
import { UserService } from '~/domains/user/user.service'
import { ANONYMOUS } from '../auth/actor'
import { boundRealmOf, type RealmClient, sqlOf } from '../db/client'
import { createLogger, type Logger } from '../logger'
import { LocalPhotoStorage } from '../storage/local-photo-storage'
import { requestContainer } from './request-scope'
import { CLOCK, CONFIG, LOGGER, PHOTO_STORAGE, POLICY_RESOLVER, PRISMA, REALM_ID, SQL } from './tokens'

/** Every service the app resolves; the DI test and /readyz resolve each of them. */
export const SERVICES: readonly Constructor<object>[] = [
  GroupService,
  MembershipService,
  SessionService,
  AccountAccessService,
  UserService,
  CurrentUserService,
  PhotoService,
  RegistrationService,
  ProfileService,
  ExternalAccountService,
  SearchService,
  PolicyModelService,
  PolicyVersionService,
  PolicyAdminService,
  PolicyAccessService,
  GroupManagementService,
  NotificationService,
  MembershipPointsService,
  MembershipLifecycleService,
  PostTypeService,
  MemberPostService,
  SemesterSettingsService,
  CommunityPointsService,
  SemesterService,
  PrismaAcceptedPointsSource,
  EvaluationService,
  EvaluationStatusService,
  EvaluationListService,
  EntryReviewService,
  EvaluationHistoryService,
  ExportService,
]

export interface HubModuleOptions {
  config: AppConfig
  /** The app's client for config.realmId (createRealmClient): realm guard plus row-level security. */
  prisma: RealmClient
  logger?: Logger
}

export function registerHubModule(
  container: DependencyContainer,
  options: HubModuleOptions,
): DependencyContainer {
  const { config, prisma } = options
  // An owner's client here would exempt the app from row-level security (ADR 0021).
  if (boundRealmOf(prisma) !== config.realmId) {
    throw new Error(`The app's Prisma client must be createRealmClient(…, "${config.realmId}")`)
  }
  container.register(CONFIG, { useValue: config })
  container.register(REALM_ID, { useValue: config.realmId })
  container.register(PRISMA, { useValue: prisma })
  container.register(SQL, { useValue: sqlOf(prisma) })
  container.register(CLOCK, { useValue: { now: () => new Date() } })
  container.register(LOGGER, {
    useValue: options.logger ?? createLogger(config.logLevel, { realm: config.realmId }),
  })
  container.register(POLICY_RESOLVER, { useClass: PolicyEngineResolver }, { lifecycle: Lifecycle.Singleton })
  // One per process: every request's directory is the same list while nothing changes it (ADR 0027).
  container.register(DirectoryCache, { useClass: DirectoryCache }, { lifecycle: Lifecycle.Singleton })
  container.register(PHOTO_STORAGE, { useValue: new LocalPhotoStorage(config.storage.photoDir) })
  // Community points read the accepted evaluations (ADR 0014, ADR 0015).
  container.register(ACCEPTED_POINTS_SOURCE, { useToken: PrismaAcceptedPointsSource })
  // What runs inside every semester switch's transaction, in this order.
  container.register(SEMESTER_SWITCH_HOOKS, { useToken: CommunityPointsService })
  // Container-scoped: each request's child container gets its own instances, so a service may
  // inject request-scoped tokens (ACTOR, REQUEST_ID) once business logic needs them.
  for (const service of SERVICES) {
    container.register(service, { useClass: service }, { lifecycle: Lifecycle.ContainerScoped })
  }
  return container
}

/** Resolves every registered service; throws on the first that cannot be built. */
export function verifyServices(container: DependencyContainer): string[] {
  const probe = requestContainer(container, ANONYMOUS, 'service-check')
  return SERVICES.map((service) => {
    probe.resolve(service)
    return service.name
  })
}
