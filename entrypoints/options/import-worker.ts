import { serveImportReading, type WorkerScope } from '@/lib/imports/worker-host';

// The options page starts this as a module worker (see import-reader.ts); `self` is its scope.
serveImportReading(self as unknown as WorkerScope);
