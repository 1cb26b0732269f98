import { DEFAULT_ORDER_FORMAT, orderFormatOf } from './order-format';

describe('orderFormatOf', () => {
  it('learns prefix and digit count from the shop numbers', () => {
    expect(orderFormatOf(['CMD-10234', 'CMD-10241', 'X-1'])).toEqual({ prefix: 'CMD', digits: 5 });
    expect(orderFormatOf(['ORD-5501'])).toEqual({ prefix: 'ORD', digits: 4 });
  });

  it('gives a tie to the shape seen first, and the default when no number has the shape', () => {
    expect(orderFormatOf(['ab-123', 'CD-4567', 'AB-999', 'CD-1234'])).toEqual({ prefix: 'AB', digits: 3 });
    expect(orderFormatOf(['12345', 'order 7'])).toEqual(DEFAULT_ORDER_FORMAT);
    expect(orderFormatOf([])).toEqual(DEFAULT_ORDER_FORMAT);
  });
});
