"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_ROLES = void 0;
/** The roles of the HTTP API (see DESIGN.md, Auth). Deciders only see them when a rule depends on who acts. */
exports.USER_ROLES = ['admin', 'taskforce', 'reviewer', 'department', 'leader'];
//# sourceMappingURL=user-role.js.map