import { RegisterApp } from '../register/RegisterApp';
import { CampaignsPage } from './CampaignsPage';
import { useRegisterRoute } from './route';

/** The register page: the register, or its access reviews, as the location's fragment says. */
export function RegisterPages() {
  const route = useRegisterRoute();
  if (route.page === 'register') return <RegisterApp />;
  return <CampaignsPage campaignId={route.page === 'campaign' ? route.campaignId : null} />;
}
