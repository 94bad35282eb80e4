import { CloudUpload, Upload } from 'lucide-react';
import { type DragEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/features/projects/format-bytes';
import { cn } from '@/lib/utils';
import { sampleAccept, sampleMaxBytes } from './upload-progress';

/** Where files are dropped or picked for upload; each one chosen is handed to `onFiles`. */
export function SampleDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <section
      aria-label="Upload a sample"
      className={cn(
        'flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors',
        over ? 'border-primary bg-primary/5' : 'border-border',
      )}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Moving over a child fires dragleave on the zone too; only leaving it for good counts.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      }}
    >
      <span className="flex size-10 items-center justify-center rounded-full bg-muted">
        <CloudUpload aria-hidden="true" className="size-5 text-muted-foreground" />
      </span>
      <div className="grid gap-1">
        <p className="font-medium">Drop a file here to upload it</p>
        <p className="text-sm text-muted-foreground">
          CSV, JSONL or Parquet, up to {formatBytes(sampleMaxBytes)}. It is stored in this project only.
        </p>
      </div>
      <Button type="button" size="sm" onClick={() => input.current?.click()}>
        <Upload /> Upload sample
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={sampleAccept}
        aria-label="Upload sample"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so choosing the same file again uploads it again.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </section>
  );
}
