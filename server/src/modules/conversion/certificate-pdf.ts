import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// Debian's fonts-wqy-microhei (installed beside Chromium); Noto CJK where a machine has it instead.
const CJK_FONTS: [string, string | undefined][] = [
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYiMicroHei'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
];

export function cjkFont(): { path: string; family: string | undefined } | undefined {
  const found = CJK_FONTS.find(([path]) => fs.existsSync(path));
  return found ? { path: found[0], family: found[1] } : undefined;
}

export type CertificateContent = {
  title: string;
  holderName: string;
  lines: [string, string][];
  verificationCode: string;
  verifyUrl: string;
  footer: string;
};

/** An A4 certificate with the CJK font embedded (subset) and a vector QR code of the verification URL. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: content.title, Producer: 'Changai 产改通' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (font) {
    doc.registerFont('cjk', font.path, font.family);
    doc.font('cjk');
  }
  const width = doc.page.width - 112;
  doc
    .lineWidth(2)
    .rect(36, 36, doc.page.width - 72, doc.page.height - 72)
    .stroke('#8b1a1a');
  doc.moveDown(2).fillColor('#8b1a1a').fontSize(26).text(content.title, { align: 'center', width });
  doc.moveDown(1.5).fillColor('#000').fontSize(16).text(content.holderName, { align: 'center', width });
  doc.moveDown(1.5).fontSize(12);
  for (const [label, value] of content.lines) {
    doc.text(`${label}：${value}`, { width });
    doc.moveDown(0.4);
  }
  const qr = QRCode.create(content.verifyUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = 3.2;
  const x0 = (doc.page.width - size * cell) / 2;
  const y0 = doc.y + 24;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (qr.modules.get(r, c)) doc.rect(x0 + c * cell, y0 + r * cell, cell, cell);
  }
  doc.fill('#000');
  doc.y = y0 + size * cell + 12;
  doc.fontSize(14).text(`验证码 Verification code：${content.verificationCode}`, 56, doc.y, { align: 'center', width });
  doc.fontSize(9).fillColor('#555').text(content.verifyUrl, { align: 'center', width });
  doc.moveDown(2).fontSize(9).text(content.footer, { align: 'center', width });
  doc.end();
  return done;
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
