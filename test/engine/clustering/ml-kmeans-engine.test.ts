import { describe } from 'vitest';
import { mlKMeans } from '../../../lambda/engine/clustering/ml-kmeans-engine.ts';
import { checkEngineContract } from './engine-contract.ts';

describe('mlKMeans', () => {
  checkEngineContract(mlKMeans);
});
