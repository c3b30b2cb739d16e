import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandContext, CommandCtx } from '../common/command-context';
import { CredentialRoute } from '../common/credential-route.decorator';
import { ChangeRoleDto } from './change-role.dto';
import { CreateUserDto } from './create-user.dto';
import { ResetPasswordDto } from './reset-password.dto';
import { SetEmailDto } from './set-email.dto';
import { UsersService, UserView } from './users.service';

/** User administration (admin only, see ACCESS_POLICY). Every change is attributed and logged. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates a user; 409 USERNAME_TAKEN when the username exists in any letter case. */
  @Post()
  @CredentialRoute()
  create(@Body() body: CreateUserDto, @CommandCtx() ctx: CommandContext): Promise<UserView> {
    return this.users.create(body, ctx);
  }

  /** Every user, by username, disabled ones included. */
  @Get()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  /** The user can no longer log in, and the user's tokens stop working. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param('id', ParseUUIDPipe) id: string, @CommandCtx() ctx: CommandContext): Promise<UserView> {
    return this.users.disable(id, ctx);
  }

  /** The user can log in again (tokens from before stay invalid). */
  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', ParseUUIDPipe) id: string, @CommandCtx() ctx: CommandContext): Promise<UserView> {
    return this.users.enable(id, ctx);
  }

  /** Resets the user's password; the user's existing tokens stop working. */
  @Post(':id/password')
  @CredentialRoute()
  @HttpCode(200)
  resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResetPasswordDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<UserView> {
    return this.users.setPassword(id, body.password, 'password-reset', ctx);
  }

  /** Sets (or removes, with null) the address the user's notifications are e-mailed to; the user's sessions go on. */
  @Post(':id/email')
  @HttpCode(200)
  setEmail(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SetEmailDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<UserView> {
    return this.users.setEmail(id, body.email, ctx);
  }

  /** Gives the user another role (departmentCode exactly for `department`); the user's tokens stop working. 409 CANNOT_CHANGE_OWN_ROLE. */
  @Post(':id/role')
  @HttpCode(200)
  changeRole(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeRoleDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<UserView> {
    return this.users.changeRole(id, body.role, body.departmentCode, ctx);
  }
}
