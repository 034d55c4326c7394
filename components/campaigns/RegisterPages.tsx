import { RegisterApp } from '../register/RegisterApp';
import { ReportPage } from './CampaignReport';
import { CampaignsPage } from './CampaignsPage';
import { useRegisterRoute } from './route';

/** The register page: the register, or its access reviews, as the location's fragment says. */
export function RegisterPages() {
  const route = useRegisterRoute();
  if (route.page === 'register') return <RegisterApp />;
  if (route.page === 'report')
    return (
      <div className="register campaigns">
        <main>
          <ReportPage campaignId={route.campaignId} />
        </main>
      </div>
    );
  return <CampaignsPage campaignId={route.page === 'campaign' ? route.campaignId : null} />;
}
