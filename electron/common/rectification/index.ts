export * from './model';
export * from './overdue';
export * from './stats';
export * from './grouping';
export * from './carryOver';
export * from './printColumns';
