// Uploaded images: accepted formats and how they are recognised, size and pixel limits, the served sizes
// and their paths, and the processing that makes an upload safe to serve (sharp/libvips).
export * from './formats';
export * from './limits';
export * from './sizes';
export * from './process';
