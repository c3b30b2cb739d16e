import { Inject, Injectable } from '@nestjs/common';
import {
  ChangeSupervisionSettings,
  SUPERVISION_SETTINGS_STREAM,
  supervisionSettingsDecider,
  SupervisionSettings,
  SupervisionSettingsChanged,
} from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { CommandContext } from '../common/command-context';
import { BoundDecider, CommandAccepted, readAggregate } from '../common/event-sourced';
import { EVENT_STORE } from '../database/database.module';

/** The supervision settings stream: read (folded, always current) and changed. */
@Injectable()
export class SupervisionSettingsStore {
  private readonly settings: BoundDecider<SupervisionSettings, ChangeSupervisionSettings, SupervisionSettingsChanged>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.settings = new BoundDecider(store, () => SUPERVISION_SETTINGS_STREAM, supervisionSettingsDecider);
  }

  async current(): Promise<SupervisionSettings> {
    return (await readAggregate(this.store, SUPERVISION_SETTINGS_STREAM, supervisionSettingsDecider)).state;
  }

  change(settings: SupervisionSettings, ctx: CommandContext): Promise<CommandAccepted> {
    return this.settings.execute('supervision', { type: 'ChangeSupervisionSettings', data: settings }, ctx);
  }
}
