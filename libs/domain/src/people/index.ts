export * from './people.codes.js';
