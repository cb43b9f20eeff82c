// Request and response shapes of /suppliers and of a product's supplier events (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import { SUPPLIER_EVENT_STATUSES, type SupplierEventStatus } from '@app/database';
import { SUPPLIER_EVENT_KINDS, type SupplierEventKind } from '@app/domain';
import { IsEmail, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

export class CreateSupplierDto {
  @ApiProperty({ example: 'Atelier Nord', description: 'Unique among suppliers, regardless of case.' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    example: 'https://orders.atelier-nord.example/hooks/incubator',
    description:
      'Where order events are delivered (sample, production and restock requests and their cancellations), signed with the outbound secret ' +
      'this answer shows once (Standard Webhooks). Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).',
  })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'outboundUrl must be an http(s) URL' })
  @MaxLength(2000)
  outboundUrl!: string;

  @ApiPropertyOptional({ example: 'orders@atelier-nord.example', description: 'Whom staff write to about an order; the engine sends nothing there.' })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string;
}

export class SupplierDto {
  @ApiProperty({ example: 'sup-4k2m9q1z7x3b' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ description: 'Scheme and host only: the path and query often carry a token.' }) outboundUrl!: string;
  @ApiProperty({ enum: ['active', 'disabled'], description: 'A disabled supplier takes no new orders, and its pending events are not sent.' }) status!: 'active' | 'disabled';
  @ApiProperty() createdAt!: string;
}

export class IssuedSupplierDto extends SupplierDto {
  @ApiProperty({ description: 'The `whsec_` secret order events are signed with. Shown only in this response.' })
  outboundSecret!: string;
}

export class SupplierEventsQueryDto extends PageQueryDto {}

export class SupplierEventDto {
  @ApiProperty({ description: 'Also the webhook-id the supplier sees on every attempt.' }) id!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty() supplierName!: string;
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'The order within its product: sample-<n>, production or restock-<n>; the message carries <productId>/<order> as orderId.', example: 'sample-1' })
  orderRef!: string;
  @ApiProperty({ enum: SUPPLIER_EVENT_KINDS }) kind!: SupplierEventKind;
  @ApiProperty({
    enum: SUPPLIER_EVENT_STATUSES,
    description: 'cancelled: a request withdrawn by its order\'s cancellation before it was delivered (the cancellation is sent instead).',
  })
  status!: SupplierEventStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: "The last attempt's error; the endpoint is named by its host only." }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "The supplier's HTTP status when delivered." }) responseStatus!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
}
