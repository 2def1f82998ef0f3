export * from './templates';
export * from './table2';
export * from './keys';
export * from './report';
