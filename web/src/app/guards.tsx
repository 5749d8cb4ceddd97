import type { Permission } from '@changai/contracts';
import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/auth/use-session';
import { modulesFor } from './modules';
import { ForbiddenPage } from './results';

export function FullPageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Signed-in pages: no session → sign-in (coming back afterwards); an initial password → change it first. */
export function RequireSession({ children, isPasswordPage = false }: { children: ReactNode; isPasswordPage?: boolean }) {
  const { data: session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageSpinner />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.actor.mustChangePassword && !isPasswordPage) return <Navigate to="/change-password" replace />;
  if (!session.actor.mustChangePassword && isPasswordPage) return <Navigate to="/" replace />;
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data: session } = useSession();
  if (!session?.actor.permissions.includes(permission)) return <ForbiddenPage />;
  return children;
}

export function HomeRedirect() {
  const { data: session } = useSession();
  const first = modulesFor(session?.actor.permissions ?? [])[0];
  return <Navigate to={first?.path ?? '/account'} replace />;
}

/** Only same-site paths may follow a sign-in. */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
