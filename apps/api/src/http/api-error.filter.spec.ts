import { describe, expect, it } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { ApiErrorFilter } from './api-error.filter.js';

/**
 * A failure nobody expected (no route can be made to fail on purpose) still answers problem details, a 500 that
 * tells nothing of the failure: the filter behind a plain Express route that throws.
 */
describe('ApiErrorFilter on an unexpected failure', () => {
  it('answers 500 internal_error as application/problem+json, without the error message', async () => {
    Logger.overrideLogger(false); // the 500's log line is not this test's (each test file has its own modules)
    const filter = new ApiErrorFilter();
    const app = express();
    app.get('/api/v1/boom', () => {
      throw new Error('secret detail: Juana Pérez');
    });
    app.use((error: unknown, request: express.Request, response: express.Response, _next: express.NextFunction) => {
      const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
      filter.catch(error, host);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/boom?q=1`, { headers: { 'Accept-Language': 'en' } });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await response.text();
      expect(text).not.toMatch(/Juana|secret/);
      expect(JSON.parse(text)).toEqual({
        type: '/problems/internal_error',
        title: 'Internal error',
        status: 500,
        detail: 'Internal error; the incident was logged',
        instance: '/api/v1/boom',
        code: 'internal_error',
        fields: [],
        error: 'Internal error; the incident was logged',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
