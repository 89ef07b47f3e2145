export * from './special';
export * from './optimize';
export * from './rfm';
export * from './bgnbd';
export * from './gamma-gamma';
export * from './clv';
export * from './clv-repository';
export * from './fit';
