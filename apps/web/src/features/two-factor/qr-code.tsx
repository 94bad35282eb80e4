import { useEffect, useState } from 'react';
import { Skeleton } from '@/components/ui/skeleton';

/** The otpauth:// URI as a QR code: an SVG in a data URL, which the CSP allows as an image. */
export function QrCode({ value, size = 176 }: { value: string; size?: number }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    // Loaded on demand: only the two-factor setup needs the encoder.
    import('qrcode')
      // A CommonJS package: its functions sit on `default`.
      .then(({ default: encoder }) =>
        encoder.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      )
      .then(
        (svg) => {
          if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
        },
        () => {
          if (current) setSrc(undefined);
        },
      );
    return () => {
      current = false;
    };
  }, [value]);
  return (
    <div className="rounded-lg border bg-white p-2 shadow-xs" style={{ width: size + 18, height: size + 18 }}>
      {src ? (
        <img
          src={src}
          width={size}
          height={size}
          alt="QR code to scan with your authenticator app"
          className="block"
        />
      ) : (
        <Skeleton className="size-full bg-neutral-200" />
      )}
    </div>
  );
}
