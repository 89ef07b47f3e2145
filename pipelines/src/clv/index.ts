export * from './special';
export * from './optimize';
export * from './rfm';
export * from './bgnbd';
export * from './gamma-gamma';
export * from './clv';
export * from './clv-repository';
export * from './fit';
// The CDNOW reference data is what the CLV models are checked against, in tests and in bench/.
export { loadCdnow, parseCdnowLine } from '../sources/cdnow';
export { formatFit, toJson as fitToJson } from '../cli/commands/fit';
