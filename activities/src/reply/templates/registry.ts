/** Which template answers which intent. Intents without one get the holding reply for a person to complete. */
import type { Intent } from '../../domain/types';
import { invoiceTemplate } from './invoice';
import { holdingTemplate } from './holding';
import { cancelOrderTemplate, changeAddressTemplate } from './order-action';
import { orderAmountsTemplate } from './order-amounts';
import { deliveryDelayTemplate, orderStatusTemplate } from './order-status';
import { giftCardTemplate, productInfoTemplate } from './product-info';
import { remedyTemplate } from './remedies';
import { refundRequestTemplate, refundStatusTemplate, returnPolicyTemplate } from './returns';
import type { ReplyTemplate } from './template-kit';
import { thanksTemplate } from './thanks';

export const TEMPLATES: readonly ReplyTemplate[] = [
  orderStatusTemplate, deliveryDelayTemplate, returnPolicyTemplate, refundRequestTemplate, refundStatusTemplate,
  remedyTemplate, invoiceTemplate, productInfoTemplate, giftCardTemplate, thanksTemplate, cancelOrderTemplate, changeAddressTemplate,
  orderAmountsTemplate, holdingTemplate,
];

export function templateFor(intent: Intent): ReplyTemplate {
  return TEMPLATES.find((t) => t.intents.includes(intent)) ?? holdingTemplate;
}
