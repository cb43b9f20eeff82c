// What every route shares and no feature owns: the one exception filter that maps every error to its
// status and the API's one error body.
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ErrorFilter } from './error.filter';

@Module({ providers: [{ provide: APP_FILTER, useClass: ErrorFilter }] })
export class CommonModule {}
