import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';

/** The card every sign-in page sits in; its heading takes focus so a step change is announced. */
export function AuthCard({
  title,
  description,
  children,
  footer,
  headingRef,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  return (
    <div className="grid gap-4">
      <Card className="shadow-md">
        <CardHeader className="pb-5">
          <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
            {title}
          </h1>
          {description && <CardDescription>{description}</CardDescription>}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
      {footer && <div className="text-center text-sm text-muted-foreground">{footer}</div>}
    </div>
  );
}
