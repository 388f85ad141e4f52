import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '#domain';

type Message = (args: { constraint: string }) => { es: string; en: string };

/** Human text for class-validator's constraints, Spanish first. Unlisted ones fall back to the library's text. */
const MESSAGES: Record<string, Message> = {
  isUuid: () => ({ es: 'debe ser un UUID', en: 'must be a UUID' }),
  isDefined: () => ({ es: 'es obligatorio', en: 'is required' }),
  isString: () => ({ es: 'debe ser texto', en: 'must be a string' }),
  isBoolean: () => ({ es: 'debe ser true o false', en: 'must be true or false' }),
  isIn: () => ({ es: 'no es un valor permitido', en: 'is not an allowed value' }),
  isEnum: () => ({ es: 'no es un valor permitido', en: 'is not an allowed value' }),
  isNotEmpty: () => ({ es: 'no puede estar vacío', en: 'must not be empty' }),
  maxLength: () => ({ es: 'es demasiado largo', en: 'is too long' }),
  minLength: () => ({ es: 'es demasiado corto', en: 'is too short' }),
  isIso8601: () => ({ es: 'debe ser una fecha y hora ISO 8601 con zona horaria', en: 'must be an ISO 8601 date-time with offset' }),
  matches: () => ({ es: 'no tiene el formato esperado', en: 'does not have the expected format' }),
  whitelistValidation: () => ({ es: 'no es un campo admitido', en: 'is not an accepted field' }),
  isPositive: () => ({ es: 'debe ser positivo', en: 'must be positive' }),
  isInt: () => ({ es: 'debe ser un número entero', en: 'must be an integer' }),
  min: () => ({ es: 'es menor que el mínimo permitido', en: 'is below the allowed minimum' }),
  max: () => ({ es: 'es mayor que el máximo permitido', en: 'is above the allowed maximum' }),
  arrayMaxSize: () => ({ es: 'tiene demasiados elementos', en: 'has too many items' }),
  isOnePlace: () => ({
    es: 'debe indicar un lugar en el Perú ({ubigeo}) o en el extranjero ({country}), uno solo',
    en: 'must give one place in Peru ({ubigeo}) or abroad ({country}), not both',
  }),
};

/** Flattens class-validator's tree into one problem per field. */
export function toFieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    // Wire names as the deciders write them: `victims[1].sex`, `changes.channel`.
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    // One problem per field: "is required" says it all for a missing value, else the first broken rule.
    const constraints = Object.entries(error.constraints ?? {});
    const chosen = constraints.find(([name]) => name === 'isDefined') ?? constraints[0];
    const own = chosen
      ? [chosen].map(([constraint, fallback]) => {
          const text = MESSAGES[constraint]?.({ constraint }) ?? { es: fallback, en: fallback };
          return { field, reason: text.es, reasonEn: text.en };
        })
      : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}
