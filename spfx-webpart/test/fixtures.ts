import { compilePolicy, validateItem, type ShareableItem } from '@shareworthy/core';
import type { ShareActions } from '../src/components/Share';
import type { PolicySettings } from '../src/services/SettingsService';

export function item(input: Record<string, unknown>): ShareableItem {
  const result = validateItem({ publicUrl: 'https://example.com/news/7', kind: 'article', status: 'approved', createdAt: '2026-11-20T09:00:00Z', ...input });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.output;
}

export function policy(config: Record<string, unknown>): PolicySettings {
  const compiled = compilePolicy(config);
  if (!compiled.success) throw new Error(JSON.stringify(compiled.issues));
  return { version: '2', summary: 'Be honest, disclose that you work here.', compiled: compiled.output };
}

export function actions(overrides: Partial<ShareActions> = {}): ShareActions & { readonly log: string[] } {
  const log: string[] = [];
  return {
    log,
    hasAccepted: async (version) => { log.push(`hasAccepted ${version}`); return false; },
    accept: async (version) => { log.push(`accept ${version}`); },
    link: async (request) => { log.push(`link ${request.network} ${request.shareId}`); return `https://t.example.com/${request.shareId}`; },
    record: async (share) => { log.push(`record ${share.network} ${share.item.id} ${share.trackedUrl}`); },
    open: (url) => { log.push(`open ${url}`); return true; },
    newShareId: () => 'share-1',
    raiseConcern: async (concerned, message) => { log.push(`concern ${concerned.id} ${message}`); },
    ...overrides,
  };
}
