// What a new product sells and how (variants, demand goal, sales rules), from the create body and the
// configuration's defaults: checked here before anything is written.
import type { AppConfig } from '@app/config';
import { DEFAULT_SALES_RULES, DEFAULT_VARIANTS, DomainError, DomainErrorCode, type LifecycleRules, type ProductVariant } from '@app/domain';
import type { CreateProductDto } from './dto/create-product.dto';

export interface ProductSalesInput {
  variants: ProductVariant[];
  rules: LifecycleRules;
}

export function productSalesInput(dto: CreateProductDto, config: AppConfig): ProductSalesInput {
  const variants: ProductVariant[] = dto.variants
    ? dto.variants.map((v) => ({ id: v.id, label: v.label, ...(v.sku ? { sku: v.sku } : {}) }))
    : DEFAULT_VARIANTS.map((v) => ({ ...v }));
  const twice = (values: string[]) => values.find((value, i) => values.indexOf(value) !== i);
  const id = twice(variants.map((v) => v.id));
  if (id) throw new DomainError(DomainErrorCode.InvalidValue, `variant id "${id}" is used twice`);
  const sku = twice(variants.flatMap((v) => (v.sku ? [v.sku] : [])));
  if (sku) throw new DomainError(DomainErrorCode.InvalidValue, `SKU "${sku}" is used twice`);

  const defaults = config.lifecycle.sales ?? DEFAULT_SALES_RULES;
  const s = dto.sales ?? {};
  const rules: LifecycleRules = {
    ...config.lifecycle,
    sales: {
      restockThreshold: s.restockThreshold ?? defaults.restockThreshold,
      restockCoverDays: s.restockCoverDays ?? defaults.restockCoverDays,
      restockMinimumUnits: s.restockMinimumUnits ?? defaults.restockMinimumUnits,
      reservationHoldMs: s.reservationHoldHours !== undefined ? s.reservationHoldHours * 3_600_000 : defaults.reservationHoldMs,
    },
    ...(dto.demandGoal
      ? {
          demandGoal: {
            minimumUnits: dto.demandGoal.minimumUnits,
            windowMs: dto.demandGoal.windowHours * 3_600_000,
            safetyFactor: dto.demandGoal.safetyFactor ?? config.demandSafetyFactor,
          },
        }
      : {}),
  };
  return { variants, rules };
}
