import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { AuthCard } from '@/features/auth/auth-card';
import { LoginForm } from '@/features/auth/login-form';
import { noticeFrom } from '@/features/auth/session';
import { TwoFactorLoginForm } from '@/features/auth/two-factor-login-form';
import { useFinishSignIn } from '@/features/auth/use-finish-sign-in';
import { safeNext } from '@/lib/safe-next';
import { useDocumentTitle } from '@/lib/use-document-title';

export function LoginRoute() {
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNext(params.get('next'));
  const notice = noticeFrom(location.state);
  const finishSignIn = useFinishSignIn();
  const [challengeToken, setChallengeToken] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const twoFactorStep = challengeToken !== undefined;
  useDocumentTitle(twoFactorStep ? 'Two-factor sign-in' : 'Sign in');

  // Moving between steps moves focus to the new step's heading, so it is announced.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!twoFactorStep) headingRef.current?.focus();
  }, [twoFactorStep]);

  const registerLink = next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`;

  if (twoFactorStep) {
    return (
      <AuthCard
        headingRef={headingRef}
        title="Two-factor sign-in"
        description="Your account is protected with two-factor authentication."
      >
        <TwoFactorLoginForm
          challengeToken={challengeToken}
          onSignedIn={(me) => finishSignIn(me, next)}
          onStartOver={() => setChallengeToken(undefined)}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      headingRef={headingRef}
      title="Sign in to Synoptic"
      description="Welcome back. Enter your email and password."
      footer={
        <>
          New to Synoptic?{' '}
          <Link to={registerLink} className="font-medium text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {notice && (
        <Alert variant={notice.tone} className="mb-5">
          {notice.message}
        </Alert>
      )}
      <LoginForm onSignedIn={(me) => finishSignIn(me, next)} onTwoFactorRequired={setChallengeToken} />
    </AuthCard>
  );
}
