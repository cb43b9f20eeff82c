// A new product with its fan poll (POST /products): name, influencer, keyword, the poll's question and options
// (one per line), how long it runs, its minimum, whether the influencer approves the options first, and an
// optional demand goal. The API's refusal (a screened word, a missing field) is shown in place.
import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Influencer } from '../api';
import { ActionForm } from '../components/ActionForm';
import { useI18n } from '../i18n';
import { navigate } from '../router';

export function NewProduct() {
  const { t } = useI18n();
  const [influencers, setInfluencers] = useState<Influencer[] | null>(null);
  useEffect(() => {
    ok(api.GET('/influencers')).then(setInfluencers, () => setInfluencers([]));
  }, []);
  return (
    <section class="page narrow" aria-labelledby="new-title">
      <h1 id="new-title">{t('new.title')}</h1>
      {influencers && influencers.length === 0 && <p class="hint">{t('new.noInfluencers')}</p>}
      {influencers && (
        <ActionForm
          id="new-product"
          title={t('new.formTitle')}
          submit={t('new.submit')}
          fields={[
            { name: 'name', label: t('new.name'), required: true },
            { name: 'influencerId', label: t('new.influencer'), type: 'select', required: true, options: influencers.map((i) => ({ value: i.id, label: `${i.displayName} (@${i.handle})` })) },
            { name: 'targetKeyword', label: t('new.keyword'), required: true, hint: t('new.keywordHint') },
            { name: 'question', label: t('new.question'), required: true },
            { name: 'options', label: t('new.options'), type: 'textarea', required: true, hint: t('new.optionsHint') },
            { name: 'durationMinutes', label: t('new.duration'), type: 'number', required: true, defaultValue: '4320' },
            { name: 'minVotes', label: t('new.minVotes'), type: 'number', required: true, defaultValue: '0' },
            {
              name: 'pollApproval',
              label: t('new.approval'),
              type: 'select',
              required: true,
              options: [
                { value: 'influencer', label: t('new.approvalInfluencer') },
                { value: 'none', label: t('new.approvalNone') },
              ],
            },
            { name: 'demandUnits', label: t('new.demandUnits'), type: 'number', hint: t('new.demandHint') },
            { name: 'demandHours', label: t('new.demandHours'), type: 'number' },
          ]}
          onSubmit={async (v) => {
            const options = v.options
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((label) => ({ label }));
            const product = await ok(
              api.POST('/products', {
                body: {
                  name: v.name,
                  influencerId: v.influencerId,
                  targetKeyword: v.targetKeyword,
                  pollApproval: v.pollApproval === 'none' ? 'none' : 'influencer',
                  poll: { question: v.question, options, durationMinutes: Number(v.durationMinutes), minVotes: Number(v.minVotes || 0) },
                  ...(v.demandUnits ? { demandGoal: { minimumUnits: Number(v.demandUnits), windowHours: Number(v.demandHours || 168) } } : {}),
                },
              }),
            );
            navigate(`/products/${product.id}`);
          }}
        />
      )}
    </section>
  );
}
