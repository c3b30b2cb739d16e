import { conferenceList } from '../conference-list/conference-list.projection';
import {
  CONFERENCE_ID,
  ENTERPRISE_ID,
  ENTERPRISE_STREAM,
  lifeUpTo,
  recorded,
  CONFERENCE_STREAM,
} from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { enterpriseList } from './enterprise-list.projection';

describe('enterprise and conference list projections', () => {
  const enterprises = projectionSpecFor(enterpriseList);
  const [registered, updated] = recorded(
    ENTERPRISE_STREAM,
    [
      {
        type: 'EnterpriseRegistered',
        data: {
          enterpriseId: ENTERPRISE_ID,
          name: '青岛海洋科技有限公司',
          creditCode: '91370200MA3C5LXX0X',
          tier: 'municipal',
          occurredAt: '2024-01-02T00:00:00.000Z',
        },
      },
      {
        type: 'EnterpriseUpdated',
        data: { tier: 'national', district: '黄岛区', occurredAt: '2024-02-02T00:00:00.000Z' },
      },
    ],
    7,
  );

  it('registers an enterprise and applies only the fields an update sets', () => {
    enterprises
      .given([registered])
      .when(updated)
      .then([
        {
          id: ENTERPRISE_ID,
          name: '青岛海洋科技有限公司',
          creditCode: '91370200MA3C5LXX0X',
          district: '黄岛区',
          tier: 'national',
          registeredAt: '2024-01-02T00:00:00.000Z',
          version: 2,
          position: 8,
        },
      ]);
  });

  it("leaves an enterprise row alone for other streams' events", () => {
    enterprises.given([registered, updated]).when(lifeUpTo(1)[0]).thenUnchanged();
  });

  it('lists a scheduled conference', () => {
    const [scheduled] = recorded(
      CONFERENCE_STREAM,
      [
        {
          type: 'ConferenceScheduled',
          data: {
            conferenceId: CONFERENCE_ID,
            title: '第三届民营经济创意会',
            heldOn: '2024-04-15',
            occurredAt: '2024-03-01T00:00:00.000Z',
          },
        },
      ],
      3,
    );
    projectionSpecFor(conferenceList)
      .given([])
      .when(scheduled)
      .then([
        {
          id: CONFERENCE_ID,
          title: '第三届民营经济创意会',
          theme: null,
          themeEn: null,
          heldOn: '2024-04-15',
          version: 1,
          position: 3,
        },
      ]);
  });

  it("takes a conference's English theme, given at scheduling, changed and cleared later", () => {
    const [scheduled, renamed, cleared] = recorded(
      CONFERENCE_STREAM,
      [
        {
          type: 'ConferenceScheduled',
          data: {
            conferenceId: CONFERENCE_ID,
            title: '第三届民营经济创意会',
            theme: '海洋经济',
            themeEn: 'Ocean economy',
            heldOn: '2024-04-15',
            occurredAt: '2024-03-01T00:00:00.000Z',
          },
        },
        {
          type: 'ConferenceThemeNamedInEnglish',
          data: { themeEn: 'The blue economy', occurredAt: '2024-03-02T00:00:00.000Z' },
        },
        { type: 'ConferenceThemeNamedInEnglish', data: { occurredAt: '2024-03-03T00:00:00.000Z' } },
      ],
      3,
    );
    const conferences = projectionSpecFor(conferenceList);
    const row = {
      id: CONFERENCE_ID,
      title: '第三届民营经济创意会',
      theme: '海洋经济',
      heldOn: '2024-04-15',
    };
    conferences
      .given([])
      .when(scheduled)
      .then([{ ...row, themeEn: 'Ocean economy', version: 1, position: 3 }]);
    conferences
      .given([scheduled])
      .when(renamed)
      .then([{ ...row, themeEn: 'The blue economy', version: 2, position: 4 }]);
    conferences
      .given([scheduled, renamed])
      .when(cleared)
      .then([{ ...row, themeEn: null, version: 3, position: 5 }]);
  });
});
