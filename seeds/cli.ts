/* Loads the demo into a database file: npm run seed -- <file.sqlite> */
import path from 'node:path';
import os from 'node:os';
import { openDatabase } from '../db/connection';
import { createContext } from '../electron/handlers/compose';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';
import { loadDemo } from './demo';

const file = process.argv[2];
if (!file) {
  console.error('用法 / usage: npm run seed -- <数据库文件 database.sqlite>');
  process.exit(2);
}
const connection = await openDatabase({ file });
const ctx = createContext(connection, { files: folderFiles(path.join(os.tmpdir(), 'jingjian-exports')), loadDemo });
const result = await dispatch(ctx, 'app.loadDemo', {});
await connection.close();
if (!result.ok) {
  console.error(`${result.error.message}\n${result.error.messageEn}`);
  process.exit(1);
}
console.log(`已载入演示数据 / demo loaded: ${path.resolve(file)}`, result.value);
