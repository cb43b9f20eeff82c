// Staff members: the incubator's staff as people with contact details; their API keys follow their status.
import { Module } from '@nestjs/common';
import { StaffMemberRepository } from '@app/database';
import { AuthModule } from '../auth/auth.module';
import { ContactsModule } from '../contacts/contacts.module';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { StaffMembersController } from './staff-members.controller';
import { StaffMembersService } from './staff-members.service';

@Module({
  imports: [AuthModule, ContactsModule],
  controllers: [StaffMembersController],
  providers: [StaffMembersService, ...repositoryProviders(StaffMemberRepository)],
})
export class StaffMembersModule {}
