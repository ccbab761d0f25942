import { describe } from 'vitest';
import { mlKMeans } from '../../bench/bench-helpers/ml-kmeans-engine.ts';
import { checkEngineContract } from '../engine/clustering/kmeans/engine-contract.ts';

describe('mlKMeans', () => {
  checkEngineContract(mlKMeans);
});
