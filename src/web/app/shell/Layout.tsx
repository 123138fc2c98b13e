import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../../ui/QueryStates.tsx';
import { Flash } from './Flash.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { SkipLinks } from './SkipLinks.tsx';

/**
 * The page frame. After a client-side navigation focus goes to <main>, as a page load would
 * put screen-reader users at the top of the new content.
 */
export function Layout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <SkipLinks />
      <SiteHeader />
      <main id="main-content" ref={main} tabIndex={-1} className="mp-main">
        <div className="container-xxl py-4">
          <div className="row">
            <div className="col-12">
              <Flash />
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            </div>
          </div>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
