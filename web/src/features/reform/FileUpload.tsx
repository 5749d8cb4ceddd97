import { UploadOutlined } from '@ant-design/icons';
import type { UploadedFile } from '@changai/contracts';
import { Button, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/use-api-error';

/**
 * Uploads PDF/DOCX files as they are chosen and hands the form their upload ids; the server checks
 * type and size again and attaches them when the form is saved.
 */
export function FileUpload({
  value,
  onChange,
  upload,
  id,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  upload: (file: Blob, fileName: string) => Promise<UploadedFile>;
  id?: string;
}) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <>
      <Upload
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        multiple
        fileList={files}
        customRequest={({ file, onSuccess, onError: fail }) => {
          const blob = file as File;
          upload(blob, blob.name).then(
            (uploaded) => {
              onSuccess?.(uploaded);
              onChange?.([...(value ?? []), uploaded.uploadId]);
            },
            (error: Error) => {
              fail?.(error);
              onError(error);
            },
          );
        }}
        onChange={({ fileList }) => setFiles(fileList)}
        onRemove={(file) => {
          const uploadId = (file.response as UploadedFile | undefined)?.uploadId;
          onChange?.((value ?? []).filter((v) => v !== uploadId));
        }}
      >
        <Button id={id} icon={<UploadOutlined />}>
          {t('reform.policies.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reform.policies.uploadHint')}
      </Typography.Text>
    </>
  );
}
