// docs/detections.md documents every rule with its current default thresholds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../main/detections/registry';

const doc = readFileSync(join(__dirname, '../../../docs/detections.md'), 'utf8');

describe('docs/detections.md', () => {
  for (const rule of RULES) {
    it(`documents ${rule.id} and its defaults`, () => {
      expect(doc).toContain(`### \`${rule.id}\`: ${rule.title}`);
      for (const [key, def] of Object.entries(rule.params)) expect(doc).toContain(`| \`${key}\`: ${def.label} | ${def.default} ${def.unit} |`);
      for (const ref of rule.references) expect(doc).toContain(ref);
    });
  }
});
