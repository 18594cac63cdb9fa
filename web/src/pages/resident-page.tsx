import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { getResident, getTimeline, type ResidentDetail, type RevealedResident } from '../api/residents';
import { useLoad } from '../api/use-load';
import { useShowError } from '../api/use-show-error';
import { useAuth } from '../auth/auth-context';
import { PageLoading } from '../components/page-loading';
import { ResidentReveal } from '../components/resident-reveal';
import { ResidentTimeline } from '../components/resident-timeline';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/translate';

type Loaded = { key: string; resident: ResidentDetail } | { key: string; missing: true };

const loadTimeline = (key: string) => {
  const [county, id] = key.split('/');
  return getTimeline(county!, Number(id));
};

/**
 * View 9: one resident, masked, with their timeline. A resident out of the user's scope is answered by the
 * server exactly like one that does not exist (404): the page says so, and does not ask for the timeline.
 */
export default function ResidentPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const showError = useShowError();
  const params = useParams();
  const county = params.county ?? '';
  const id = Number(params.id);
  const key = `${county}/${id}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Kept with the resident it belongs to: another resident's page starts masked again.
  const [reveal, setReveal] = useState<{ key: string; value: RevealedResident } | null>(null);
  const revealed = reveal?.key === key ? reveal.value : null;

  useEffect(() => {
    let live = true;
    getResident(county, id).then(
      (resident) => live && setLoaded({ key, resident }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && (error.problem.status === 404 || error.problem.status === 400))
          setLoaded({ key, missing: true });
        else showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [county, id, key, showError]);

  const current = loaded?.key === key ? loaded : null;
  const resident = current && 'resident' in current ? current.resident : null;
  const { data: timeline, loading } = useLoad(resident ? key : null, loadTimeline);
  const back = (
    <Link to="/residents">
      <Button icon={<ArrowLeftOutlined />}>{t('resident.back')}</Button>
    </Link>
  );

  if (current && 'missing' in current)
    return (
      <Result
        status="404"
        title={t('resident.notFound.title')}
        subTitle={t('resident.notFound.detail')}
        extra={back}
        data-testid="resident-not-found"
      />
    );
  if (!resident) return <PageLoading />;

  const shown = (masked: string | null, full: string | null | undefined) =>
    revealed ? (full ?? t('resident.none')) : (masked ?? t('resident.none'));
  const yesNo = (value: boolean) => t(value ? 'resident.yes' : 'resident.no');
  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Card
        title={t('resident.title', { id: resident.id })}
        extra={
          revealed ? (
            <Tag color="orange" data-testid="revealed-tag">
              {t('resident.revealed')}
            </Tag>
          ) : (
            can('residents:reveal') && (
              <ResidentReveal county={county} id={id} onRevealed={(value) => setReveal({ key, value })} />
            )
          )
        }
      >
        <Descriptions
          data-testid="resident-facts"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'name', label: t('residents.col.name'), children: shown(resident.name, revealed?.name) },
            { key: 'sex', label: t('residents.col.sex'), children: t(`sex.${resident.sex}` as MessageKey) },
            { key: 'birthDate', label: t('residents.col.birthDate'), children: resident.birthDate },
            {
              key: 'idNumber',
              label: t('residents.col.idNumber'),
              children: shown(resident.idNumber, revealed?.idNumber),
            },
            {
              key: 'phone',
              label: t('residents.col.phone'),
              children: shown(resident.phone, revealed?.phone),
            },
            {
              key: 'place',
              label: t('residents.col.place'),
              children: resident.village
                ? `${resident.town?.name ?? ''} ${resident.village.name}`.trim()
                : t('residents.outside'),
            },
            {
              key: 'address',
              label: t('resident.address'),
              children: revealed
                ? (revealed.address ?? t('resident.none'))
                : resident.hasAddress
                  ? t('resident.addressHidden')
                  : t('resident.none'),
            },
            {
              key: 'residence',
              label: t('resident.residence'),
              children: `${yesNo(resident.resident)} / ${yesNo(resident.registered)}`,
            },
            ...(resident.deathDate
              ? [{ key: 'death', label: t('resident.deathDate'), children: resident.deathDate }]
              : []),
            ...(resident.mergedIntoId !== null
              ? [
                  {
                    key: 'merged',
                    label: t('resident.merged', { id: resident.mergedIntoId }),
                    children: (
                      <Link to={`/residents/${county}/${resident.mergedIntoId}`}>
                        #{resident.mergedIntoId}
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title={t('resident.timeline')}
        extra={
          timeline && (
            <Typography.Text type="secondary" data-testid="timeline-count">
              {t('resident.timeline.count', { count: timeline.entries.length })}
            </Typography.Text>
          )
        }
      >
        {loading || !timeline ? <PageLoading /> : <ResidentTimeline entries={timeline.entries} />}
      </Card>
    </Flex>
  );
}
