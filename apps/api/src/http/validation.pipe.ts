import { ValidationPipe } from '@nestjs/common';
import { InvalidCommand } from '../../../../libs/domain/src/index.js';
import { toFieldProblems } from './validation-messages.js';

/** Shape checks on request bodies and queries; unknown fields are refused, every problem is reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidCommand(toFieldProblems(errors)),
  });
}
