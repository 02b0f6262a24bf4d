export * from './certificates';
export * from './identity';
export * from './orgs';
export * from './people';
export * from './platform';
export * from './records';
export * from './settings';
export * from './workflow';
