/**
 * A custom TF.js build: the CPU backend with only the kernels and gradients an MLP and its
 * Adam trainer use. Importing `@tensorflow/tfjs-core` whole would pull every op and gradient.
 */
import '@tensorflow/tfjs-core/dist/base_side_effects';
import { registerGradient, registerKernel, type GradConfig, type KernelConfig } from '@tensorflow/tfjs-core/dist/base';
import '@tensorflow/tfjs-backend-cpu/dist/base';
import { addConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Add';
import { batchMatMulConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/BatchMatMul';
import { castConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Cast';
import { fillConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Fill';
import { identityConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Identity';
import { meanConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Mean';
import { multiplyConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Multiply';
import { negConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Neg';
import { realDivConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/RealDiv';
import { reluConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Relu';
import { reshapeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Reshape';
import { sigmoidConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sigmoid';
import { softplusConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Softplus';
import { sqrtConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sqrt';
import { squareConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Square';
import { stepConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Step';
import { subConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sub';
import { sumConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sum';
import { transposeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Transpose';
import { zerosLikeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/ZerosLike';
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad';
import { meanGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Mean_grad';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad';
import { reluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Relu_grad';
import { reshapeGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Reshape_grad';
import { softplusGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Softplus_grad';
import { squareGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Square_grad';
import { subGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sub_grad';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad';

const KERNELS: readonly KernelConfig[] = [
  addConfig,
  batchMatMulConfig,
  castConfig,
  fillConfig,
  identityConfig,
  meanConfig,
  multiplyConfig,
  negConfig,
  realDivConfig,
  reluConfig,
  reshapeConfig,
  sigmoidConfig,
  softplusConfig,
  sqrtConfig,
  squareConfig,
  stepConfig,
  subConfig,
  sumConfig,
  transposeConfig,
  zerosLikeConfig,
];
const GRADIENTS: readonly GradConfig[] = [
  addGradConfig,
  batchMatMulGradConfig,
  meanGradConfig,
  multiplyGradConfig,
  reluGradConfig,
  reshapeGradConfig,
  softplusGradConfig,
  squareGradConfig,
  subGradConfig,
  sumGradConfig,
];

let registered = false;

/** Registers the kernels once per realm; safe to call again. */
export function registerKernels(): void {
  if (registered) return;
  registered = true;
  for (const kernel of KERNELS) registerKernel(kernel);
  for (const gradient of GRADIENTS) registerGradient(gradient);
}
