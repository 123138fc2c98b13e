import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMetro } from '../../modules/territory/hooks.ts';
import { Icon } from '../../ui/Icon.tsx';

export function SiteFooter() {
  const { t } = useTranslation();
  const metro = useMetro();
  const institution = metro.data?.name ?? t('app.institution');
  return (
    <footer className="it-footer" id="footer" tabIndex={-1}>
      <div className="it-footer-main">
        <div className="container-xxl">
          <div className="row clearfix">
            <div className="col-sm-12">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="pa" />
                  <div className="it-brand-text">
                    <h2 className="no_toc">{institution}</h2>
                    <div className="it-brand-tagline d-none d-md-block">{t('app.name')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row">
            <div className="col-lg-4 col-md-6 pb-2">
              <h3 className="h5 text-white">{t('footer.explore')}</h3>
              {/* The public sections of the main navigation, in its order. */}
              <ul className="footer-list">
                <li>
                  <Link to="/piano">{t('nav.plan')}</Link>
                </li>
                <li>
                  <Link to="/comuni">{t('nav.comuni')}</Link>
                </li>
                <li>
                  <Link to="/zone">{t('nav.zones')}</Link>
                </li>
                <li>
                  <Link to="/progetti">{t('nav.projects')}</Link>
                </li>
              </ul>
            </div>
            <div className="col-lg-8 col-md-6 pb-2">
              <h3 className="h5 text-white">{t('footer.data')}</h3>
              <p className="small">{t('footer.sources')}</p>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container-xxl">
          <p className="small text-white py-3 mb-0">{t('footer.license')}</p>
        </div>
      </div>
    </footer>
  );
}
