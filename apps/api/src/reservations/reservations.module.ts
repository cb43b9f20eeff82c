// Reservations: the signed fan reservation webhook (the votes' signature guard and sources), group-commit
// intake, the demand-goal signal to the product's workflow, and the public live demand. Exports the
// reservation path the shop connector's reservation.created uses, and the variant catalog order intake checks.
import { Module } from '@nestjs/common';
import { DemandWindowRepository, ProductRepository, ProductVariantRepository, ReservationRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { WebhookSignatureGuard } from '../votes/webhook-signature.guard';
import { WebhookSourcesModule } from '../webhook-sources/webhook-sources.module';
import { GoalNotifier } from './goal-notifier.service';
import { LiveDemandService } from './live-demand.service';
import { ReservationIntakeService } from './reservation-intake.service';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';
import { VariantCatalog } from './variant-catalog.service';

@Module({
  imports: [WebhookSourcesModule],
  controllers: [ReservationsController],
  providers: [
    ReservationsService,
    ReservationIntakeService,
    GoalNotifier,
    LiveDemandService,
    VariantCatalog,
    WebhookSignatureGuard,
    ...repositoryProviders(ReservationRepository, DemandWindowRepository, ProductRepository, ProductVariantRepository),
  ],
  exports: [ReservationsService, VariantCatalog],
})
export class ReservationsModule {}
