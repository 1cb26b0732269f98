import { createServer } from 'node:net';
import { DEMO_SHOP_FILE, shopSource } from './shop-source';

/** A loopback port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('shopSource', () => {
  it('takes a DATABASE_URL that is set, without falling back', async () => {
    const notices: string[] = [];
    const source = await shopSource({ DATABASE_URL: 'postgres://u@127.0.0.1:1/x' }, { notice: (l) => notices.push(l) });
    expect(source).toEqual({ databaseUrl: 'postgres://u@127.0.0.1:1/x' });
    expect(notices).toEqual([]);
  });

  it('falls back to the demo shop, and says so, when DATABASE_URL is unset and no database answers', async () => {
    const notices: string[] = [];
    const localDatabaseUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/replique`;
    const source = await shopSource({}, { notice: (l) => notices.push(l), localDatabaseUrl });
    expect(source).toEqual({ shopFile: DEMO_SHOP_FILE });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('ECONNREFUSED');
    expect(notices[0]).toContain(DEMO_SHOP_FILE);
  });

  it('keeps the local database (and its error) when there is no demo shop to fall back to', async () => {
    const localDatabaseUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/replique`;
    const source = await shopSource({}, { notice: () => undefined, localDatabaseUrl, demoShopFile: '/nonexistent/shop.json' });
    expect(source).toEqual({ databaseUrl: localDatabaseUrl });
  });
});
