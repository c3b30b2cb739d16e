"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ValidationErrorCode = void 0;
exports.requiredText = requiredText;
exports.optionalText = optionalText;
exports.amountInYuan = amountInYuan;
exports.optionalAmountInYuan = optionalAmountInYuan;
exports.oneOf = oneOf;
exports.optionalOneOf = optionalOneOf;
exports.calendarDate = calendarDate;
exports.list = list;
exports.optionalList = optionalList;
exports.object = object;
exports.optionalFlag = optionalFlag;
exports.assertDistinctIds = assertDistinctIds;
exports.withoutUndefined = withoutUndefined;
const business_time_1 = require("./business-time");
const domain_error_1 = require("./domain.error");
/**
 * Checks of command input shared by all aggregates. The HTTP layer validates its DTOs too, but
 * deciders are also fed by imports, scripts and other services, so they never trust input shape.
 * Each check returns the clean value or throws an `invalid` DomainError naming the field.
 */
exports.ValidationErrorCode = {
    TEXT_REQUIRED: 'TEXT_REQUIRED',
    INVALID_TEXT: 'INVALID_TEXT',
    INVALID_AMOUNT: 'INVALID_AMOUNT',
    INVALID_CHOICE: 'INVALID_CHOICE',
    INVALID_DATE: 'INVALID_DATE',
    INVALID_LIST: 'INVALID_LIST',
    INVALID_OBJECT: 'INVALID_OBJECT',
    INVALID_FLAG: 'INVALID_FLAG',
    DUPLICATE_ID: 'DUPLICATE_ID',
};
const isAbsent = (value) => value === undefined || value === null;
/** Text that must be present; surrounding whitespace is dropped. */
function requiredText(value, field) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.TEXT_REQUIRED, `Field "${field}" is required and must be non-blank text.`, field);
    }
    return value.trim();
}
/** Text that may be left out; blank counts as left out, as it does in a form. */
function optionalText(value, field) {
    if (isAbsent(value))
        return undefined;
    if (typeof value !== 'string')
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_TEXT, `Field "${field}" must be text.`, field);
    return value.trim() === '' ? undefined : value.trim();
}
/** An amount of money in whole yuan, zero or more. */
function amountInYuan(value, field) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_AMOUNT, `Field "${field}" must be a whole number of yuan, 0 or more.`, field);
    }
    return value;
}
function optionalAmountInYuan(value, field) {
    return isAbsent(value) ? undefined : amountInYuan(value, field);
}
function oneOf(value, allowed, field) {
    if (!allowed.includes(value)) {
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_CHOICE, `Field "${field}" must be one of: ${allowed.join(', ')}.`, field);
    }
    return value;
}
function optionalOneOf(value, allowed, field) {
    return isAbsent(value) ? undefined : oneOf(value, allowed, field);
}
/** A calendar date `YYYY-MM-DD` (a business date, see business-time.ts). */
function calendarDate(value, field) {
    if (!(0, business_time_1.isValidDate)(value)) {
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_DATE, `Field "${field}" must be a calendar date written YYYY-MM-DD.`, field);
    }
    return value;
}
function list(value, field) {
    if (!Array.isArray(value))
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_LIST, `Field "${field}" must be a list.`, field);
    return value;
}
function optionalList(value, field) {
    return isAbsent(value) ? undefined : list(value, field);
}
/** One object in the input, e.g. an element of a list; its own fields are checked one by one. */
function object(value, field) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_OBJECT, `Field "${field}" must be an object.`, field);
    }
    return value;
}
function optionalFlag(value, field) {
    if (isAbsent(value))
        return undefined;
    if (typeof value !== 'boolean')
        throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.INVALID_FLAG, `Field "${field}" must be true or false.`, field);
    return value;
}
/** Ids the caller generated for list elements must be distinct: later events refer to them. */
function assertDistinctIds(ids, fieldOf) {
    ids.forEach((id, index) => {
        if (ids.indexOf(id) < index) {
            throw (0, domain_error_1.invalid)(exports.ValidationErrorCode.DUPLICATE_ID, `The id "${id}" is used more than once; each must be unique.`, fieldOf(index));
        }
    });
}
/**
 * Drops the keys whose value is undefined. Optional fields are left out of events rather than
 * stored as undefined, so an event equals its own JSON round trip.
 */
function withoutUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=validation.js.map