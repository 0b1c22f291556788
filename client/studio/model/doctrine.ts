/** References the doctrine picker offers: Vietnamese law and regulations, the standards the engine's
 *  mechanics cite, and NFPA 1001's skill areas. A criterion stores the reference as text; the author may
 *  type another. Data only. */

export const DOCTRINE_REFERENCES: readonly string[] = [
  'Luật PCCC và CNCH 55/2024/QH15: cứu người là trên hết',
  'Luật PCCC và CNCH 55/2024/QH15: chỉ huy thống nhất',
  'Nghị định 105/2025/NĐ-CP',
  'Thông tư 36/2025/TT-BCA',
  'Thông tư 02/2023/TT-BCA: chiến thuật theo loại công trình',
  'TCVN 4878:2009 (ISO 3941): phân loại đám cháy',
  'EN 137: quay ra trước khi còi báo',
  'NFPA 1001: an toàn và trang bị bảo hộ',
  'NFPA 1001: tìm kiếm cứu nạn',
  'NFPA 1001: tấn công bên trong',
  'NFPA 1001: cấp nước và lăng vòi',
  'NFPA 1001: thông gió',
  'START: phân loại nạn nhân dưới 30 giây',
  'Cắt điện trước khi phun nước',
  'Khóa van gas trước khi dập cháy',
  'Hai vào, hai ngoài (two-in/two-out)',
];
