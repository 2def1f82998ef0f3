export * from './templates';
export * from './keys';
export * from './report';
