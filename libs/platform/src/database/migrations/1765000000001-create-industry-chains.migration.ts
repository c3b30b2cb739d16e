import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Qingdao's key industry chains, and every chain the demo and bench generators and the test
 * fixtures file projects under, so that data written before the catalogue existed stays valid.
 */
export const SEEDED_INDUSTRY_CHAINS: ReadonlyArray<readonly [name: string, nameEn: string]> = [
  ['新一代信息技术', 'New-generation IT'],
  ['集成电路', 'Integrated circuits'],
  ['新型显示', 'New displays'],
  ['虚拟现实', 'Virtual reality'],
  ['人工智能', 'Artificial intelligence'],
  ['工业互联网', 'Industrial internet'],
  ['智能家电', 'Smart home appliances'],
  ['新能源汽车', 'New energy vehicles'],
  ['轨道交通装备', 'Rail transit equipment'],
  ['高端装备', 'High-end equipment'],
  ['船舶海工装备', 'Ships and offshore equipment'],
  ['现代海洋', 'Modern marine industry'],
  ['生物医药', 'Biomedicine'],
  ['医疗器械', 'Medical devices'],
  ['新材料', 'New materials'],
  ['新能源', 'New energy'],
  ['氢能', 'Hydrogen energy'],
  ['节能环保', 'Energy saving and environmental protection'],
  ['食品饮料', 'Food and beverages'],
  ['纺织服装', 'Textiles and apparel'],
  ['精细化工', 'Fine chemicals'],
  ['航空航天', 'Aerospace'],
  ['现代金融', 'Modern finance'],
  ['文化旅游', 'Culture and tourism'],
  ['海洋装备', 'Marine equipment'],
  ['现代海洋渔业', 'Modern marine fisheries'],
  ['现代农业', 'Modern agriculture'],
  ['海洋经济', 'Marine economy'],
  ['智能制造', 'Smart manufacturing'],
  ['数字经济', 'Digital economy'],
];

export class CreateIndustryChains1765000000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE industry_chains (
        name       text        PRIMARY KEY,
        name_en    text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO industry_chains (name, name_en) SELECT * FROM unnest($1::text[], $2::text[])`, [
      SEEDED_INDUSTRY_CHAINS.map(([name]) => name),
      SEEDED_INDUSTRY_CHAINS.map(([, nameEn]) => nameEn),
    ]);
    // Departments get an optional English name, given by the admin.
    await db.query('ALTER TABLE departments ADD COLUMN name_en text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE departments DROP COLUMN name_en');
    await db.query('DROP TABLE industry_chains');
  }
}
